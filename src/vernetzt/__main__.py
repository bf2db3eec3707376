from vernetzt.cli import main

main()
