runtime = "nodejs12.x"
