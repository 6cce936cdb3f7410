import DebriefCLI

// Before any task starts, on the main thread: the server runs its tasks on its event loops.
DebriefCLI.prepareProcess(arguments: Array(CommandLine.arguments.dropFirst()))
await DebriefCLI.main()
