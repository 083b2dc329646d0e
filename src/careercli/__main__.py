from careercli.cli.app import main

main()
