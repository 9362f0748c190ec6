"""Chery Fact Sheet: a desktop viewer and PDF exporter for Chery Group's 2022 results."""

__version__ = "0.1.0"
