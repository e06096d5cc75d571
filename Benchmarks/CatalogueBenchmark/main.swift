print("benchmark: being built")
