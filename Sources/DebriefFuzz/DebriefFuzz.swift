import Foundation

/// `debrief-fuzz TARGET [INPUT...]`: runs one fuzz target's entry point on each input file (or
/// every file of an input folder), so crashes found once stay fixed (`Fixtures/fuzz/TARGET/`).
///
/// Built for fuzzing (`make fuzz`, with `-DFUZZING`, coverage instrumentation and AddressSanitizer,
/// linked to libFuzzer's runtime without its `main`), the arguments after TARGET are libFuzzer's:
/// a corpus folder, `-max_total_time=60`, and so on.
@main
enum DebriefFuzz {
    static func main() async {
        let arguments = CommandLine.arguments
        guard arguments.count >= 2, let target = FuzzTarget(rawValue: arguments[1]) else {
            let targets = FuzzTarget.allCases.map(\.rawValue).joined(separator: ", ")
            FileHandle.standardError.write(Data("usage: debrief-fuzz TARGET [INPUT...]; TARGET is one of \(targets)\n".utf8))
            exit(64)
        }
        #if FUZZING
            exit(LibFuzzer.run(target, arguments: [arguments[0]] + arguments.dropFirst(2)))
        #else
            do {
                let ran = try await replay(target, inputs: Array(arguments.dropFirst(2)))
                print("\(target.rawValue): \(ran) inputs ran without a crash")
            } catch {
                FileHandle.standardError.write(Data("\(error)\n".utf8))
                exit(1)
            }
        #endif
    }

    /// Runs `target` on every input file (a folder stands for its files); returns how many ran.
    static func replay(_ target: FuzzTarget, inputs: [String]) async throws(UnreadableInput) -> Int {
        var ran = 0
        for input in inputs {
            for file in files(at: input) {
                guard let data = FileManager.default.contents(atPath: file) else { throw UnreadableInput(path: file) }
                await target.run(data)
                ran += 1
            }
        }
        return ran
    }

    struct UnreadableInput: Error, CustomStringConvertible {
        let path: String
        var description: String { "cannot read \(path)" }
    }

    /// The file at `path`, or the files in the folder at `path` and its folders, in path order.
    static func files(at path: String) -> [String] {
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isFolder), isFolder.boolValue else { return [path] }
        let names = (FileManager.default.enumerator(atPath: path)?.allObjects as? [String]) ?? []
        return names.sorted().map { (path as NSString).appendingPathComponent($0) }.filter { file in
            FileManager.default.fileExists(atPath: file, isDirectory: &isFolder) && !isFolder.boolValue
        }
    }
}
