import Glibc

/// glibc functions that Swift's Glibc module leaves out (`<malloc.h>` is not part of it, and
/// `syncfs` is declared only under `_GNU_SOURCE`), each looked up by name once, when first asked
/// for: nil where the C library has none.
public enum GlibcExtras {
    /// `mallopt(3)`: sets one of malloc's parameters; 1 on success.
    public static let mallopt: (@convention(c) (Int32, Int32) -> Int32)? = function("mallopt")
    /// `malloc_trim(3)`: hands the free memory of every arena back to the system.
    public static let mallocTrim: (@convention(c) (Int) -> Int32)? = function("malloc_trim")
    /// `syncfs(2)`: writes to disk what is pending on the file system of a descriptor, and only that.
    public static let syncfs: (@convention(c) (Int32) -> Int32)? = function("syncfs")
    /// `strfromd(3)` (glibc 2.25): one double as `snprintf` with a one-conversion format writes it,
    /// without varargs. Reports call it for every figure.
    public static let strfromd: (@convention(c) (UnsafeMutablePointer<CChar>?, Int, UnsafePointer<CChar>?, Double) -> Int32)? =
        function("strfromd")

    /// Hands the memory the process has freed back to the system (`malloc_trim`), so work that
    /// follows a large build does not start on top of what the build left resident. True when
    /// glibc's function was found.
    @discardableResult
    public static func returnFreedMemory() -> Bool {
        guard let trim = mallocTrim else { return false }
        _ = trim(0)
        return true
    }

    private static func function<Signature>(_ name: String) -> Signature? {
        guard let symbol = dlsym(nil, name) else { return nil }
        return unsafeBitCast(symbol, to: Signature.self)
    }
}
