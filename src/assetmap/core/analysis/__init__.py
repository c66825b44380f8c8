"""Gap analysis (BRIEF section 6): counts, access, coverage and need versus provision.

``engine.run(inputs, params, progress, cancelled)`` is a pure function over
arrays (the Orange3 pattern); ``inputs.load`` gathers them from a project and
``runs`` keeps each run, with its method statement, in the project file.
"""
