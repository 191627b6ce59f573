"""``python -m heze_plan.cli``: the same as the ``heze-plan`` command."""

from heze_plan.cli import run

if __name__ == "__main__":  # importing the module (the API docs do) must not run the command
    run()
