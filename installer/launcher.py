"""Entry script of the PyInstaller bundle: the same ``deskwfm`` command as the installed package."""

from deskwfm.cli.main import main

if __name__ == "__main__":
    raise SystemExit(main())
