"""Scorers for the development sets, behind `storyline evaluate …`."""
