"""deskwfm.store"""
