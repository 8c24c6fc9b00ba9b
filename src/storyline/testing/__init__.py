"""Helpers for tests, shipped with the package so that every test suite can use them.

Nothing here is imported by storyline itself.
"""
