// Work in progress: this target is being built up (issue 2).
