"""deskwfm.gui"""
