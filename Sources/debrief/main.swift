import DebriefCLI

await DebriefCLI.main()
