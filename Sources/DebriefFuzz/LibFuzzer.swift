#if FUZZING
    import Foundation

    @_silgen_name("LLVMFuzzerRunDriver")
    private func LLVMFuzzerRunDriver(
        _ argc: UnsafeMutablePointer<Int32>, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?>,
        _ callback: @convention(c) (UnsafePointer<UInt8>?, Int) -> Int32
    ) -> Int32

    /// libFuzzer's driver over one target. SwiftPM links an executable's own `main`, so libFuzzer's
    /// runtime is linked without its `main` and started here through `LLVMFuzzerRunDriver`.
    enum LibFuzzer {
        /// The target the C callback runs (a C function pointer cannot capture it).
        nonisolated(unsafe) private static var target = FuzzTarget.html

        static func run(_ target: FuzzTarget, arguments: [String]) -> Int32 {
            Self.target = target
            var argc = Int32(arguments.count)
            let strings = arguments.map { strdup($0) } + [nil]
            let argv = UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>.allocate(capacity: strings.count)
            argv.initialize(from: strings, count: strings.count)
            var argvPointer: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>? = argv
            return LLVMFuzzerRunDriver(&argc, &argvPointer) { bytes, count in
                let data = bytes.map { Data(bytes: $0, count: count) } ?? Data()
                let target = LibFuzzer.target
                // libFuzzer calls back on the main thread, outside Swift's thread pool, so it may wait for the input's task.
                let done = DispatchSemaphore(value: 0)
                Task {
                    await target.run(data)
                    done.signal()
                }
                done.wait()
                return 0
            }
        }
    }
#endif
