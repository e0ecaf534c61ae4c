"""The board's commands: validate, build, deploy, new, issue form, from-issue."""
