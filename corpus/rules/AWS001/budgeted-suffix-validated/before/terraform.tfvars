environment_suffix = "synthl9l1q"
