# Every target runs tools/tasks.py, which does the same without make:
#   python3 tools/tasks.py TASK        (Windows: py tools\tasks.py TASK)
#
# make lab [PORT=8890]   open the lessons in JupyterLab, starting on lesson 01
# make test              unit tests and every notebook under nbval
# make setup             create .venv and install the pinned packages (the others do it too)
# make execute           re-run every notebook and store its outputs
# make bench             this package against micrograd 0.1.0
# make handout           the student edition, without solutions, in build/student
# make grade SUBMISSIONS=folder   grade a class's notebooks into build/grades
# make lint              ruff over everything
# make clean             remove .venv, the benchmark's reference copy and caches

ifeq ($(OS),Windows_NT)
PYTHON ?= py
else
PYTHON ?= python3
endif
PORT ?= 8888
SUBMISSIONS ?= submissions
TASKS := $(PYTHON) tools/tasks.py

.PHONY: help setup lab test execute bench lint clean handout grade

help:
	@$(TASKS) --help

lab:
	@$(TASKS) lab --port $(PORT)

grade:
	@$(TASKS) grade $(SUBMISSIONS)

setup test execute bench lint clean handout:
	@$(TASKS) $@
