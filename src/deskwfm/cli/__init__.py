"""Command line over the services (``deskwfm``)."""
