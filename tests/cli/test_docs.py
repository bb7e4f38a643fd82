"""Every command and option is documented: in `tracker COMMAND --help` (with a
help text of its own) and, for commands, in the README's "Command line" section
(after sqlite-utils' tests/test_docs.py)."""

from __future__ import annotations

import argparse
import re
from pathlib import Path

import pytest

from tracker import cli

README = Path(__file__).resolve().parents[2] / "README.md"


def _subparsers() -> dict[str, argparse.ArgumentParser]:
    parser = cli.build_parser()
    action = next(a for a in parser._actions if isinstance(a, argparse._SubParsersAction))
    return dict(action.choices)


def _options(sp: argparse.ArgumentParser) -> list[argparse.Action]:
    return [a for a in sp._actions if not isinstance(a, argparse._HelpAction)]


def _readme_section() -> str:
    text = README.read_text(encoding="utf-8")
    m = re.search(r"^## Command line\n(.*?)(?=^## )", text, flags=re.S | re.M)
    assert m, "README.md has no '## Command line' section"
    return m.group(1)


def test_command_list_matches_parser():
    assert set(_subparsers()) == set(cli.COMMANDS)
    assert set(cli._HANDLERS) == set(cli.COMMANDS)


@pytest.mark.parametrize("command", cli.COMMANDS)
def test_command_in_readme(command):
    section = _readme_section()
    assert re.search(rf"^tracker(\s+\[)?\s*{command}\b", section, flags=re.M) or re.search(
        rf"\btracker {command}\b", section
    ), f"'{command}' is not in README's Command line section"


@pytest.mark.parametrize("command", cli.COMMANDS)
def test_every_option_in_command_help(command, capsys):
    sp = _subparsers()[command]
    with pytest.raises(SystemExit) as ei:
        cli.main([command, "--help"])
    assert ei.value.code == 0
    out = capsys.readouterr().out
    assert sp.description and sp.description.split()[0] in out
    for action in _options(sp):
        assert action.help and action.help.strip(), (
            f"{command} {action.option_strings or action.dest}: no help"
        )
        names = action.option_strings or [action.metavar or action.dest]
        for name in names:
            assert name in out, f"{name} missing from `tracker {command} --help`"


def test_top_level_help_lists_every_command(capsys):
    with pytest.raises(SystemExit) as ei:
        cli.main(["--help"])
    assert ei.value.code == 0
    out = capsys.readouterr().out
    for command in cli.COMMANDS:
        assert command in out


@pytest.mark.parametrize("command", cli.COMMANDS)
def test_readme_mentions_each_option_of_every_command(command):
    """The README synopsis shows each option a person types (not -h)."""
    section = _readme_section()
    line = next(
        ln
        for ln in section.splitlines()
        if ln.startswith(f"tracker {command}")
        or (command == "gui" and ln.startswith("tracker [gui]"))
        or f"tracker {command} " in ln
    )
    for action in _options(_subparsers()[command]):
        for opt in action.option_strings:
            assert opt in line, f"{command} {opt} is not in README's Command line section"
