high_cpu_target = 75
