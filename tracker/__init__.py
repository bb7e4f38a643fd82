"""Investment Tracker: follow foreign investment projects, park residents and ventures."""

__version__ = "0.1.0"
APP_NAME = "Investment Tracker"
