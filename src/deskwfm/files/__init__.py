"""deskwfm.files"""
