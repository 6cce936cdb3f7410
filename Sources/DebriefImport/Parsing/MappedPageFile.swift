import Foundation
import Synchronization

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// A page file mapped into memory read-only, whose pages the parser lets go of once it has read
/// past them: a 30 MB page then never holds 30 MB of the process's memory beside the parse.
///
/// Only mappings made here are let go of (`releasesBehind(_:)` knows them): their bytes come back
/// from the file when read again, where letting go of ordinary memory would lose it.
public enum MappedPageFile {
    /// The file's bytes as a `Data` over a private read-only mapping, unmapped when the `Data` is
    /// freed; nil when the file cannot be opened or mapped (the caller then reads it as usual).
    /// An empty file is an empty `Data`.
    public static func data(atPath path: String) -> Data? {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { return nil }
        defer { close(descriptor) }
        var status = stat()
        guard fstat(descriptor, &status) == 0, (status.st_mode & S_IFMT) == S_IFREG else { return nil }
        let count = Int(status.st_size)
        guard count > 0 else { return Data() }
        guard let base = mmap(nil, count, PROT_READ, MAP_PRIVATE, descriptor, 0), base != MAP_FAILED else { return nil }
        let address = UInt(bitPattern: base)
        mappings.withLock { $0[address] = count }
        return Data(
            bytesNoCopy: base, count: count,
            deallocator: .custom { pointer, count in
                mappings.withLock { _ = $0.removeValue(forKey: UInt(bitPattern: pointer)) }
                munmap(pointer, count)
            })
    }

    /// True when `bytes` are exactly a mapping made by `data(atPath:)` that is still mapped.
    static func releasesBehind(_ bytes: UnsafeRawBufferPointer) -> Bool {
        guard let base = bytes.baseAddress else { return false }
        return mappings.withLock { $0[UInt(bitPattern: base)] == bytes.count }
    }

    /// Lets the process's copy of the mapping's whole pages below `offset` go; reading them again
    /// reads the file. Only for `bytes` that `releasesBehind(_:)` accepts.
    static func release(_ bytes: UnsafeRawBufferPointer, below offset: Int) {
        guard let base = bytes.baseAddress else { return }
        let length = offset / pageSize * pageSize
        guard length > 0 else { return }
        _ = madvise(UnsafeMutableRawPointer(mutating: base), length, MADV_DONTNEED)
    }

    private static let pageSize = Int(sysconf(Int32(_SC_PAGESIZE)))

    /// The mappings made here that are still mapped: base address to length.
    private static let mappings = Mutex<[UInt: Int]>([:])
}
