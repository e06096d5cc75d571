print("catalogue: being built")
