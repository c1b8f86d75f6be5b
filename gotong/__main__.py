from gotong.cli import main

main()
