"""What the board is made of: vocabularies, models and dates, with no I/O and no Pelican."""
