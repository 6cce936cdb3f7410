import Dispatch
import HummingbirdBcrypt

/// bcrypt, on a thread of Dispatch's pool rather than the caller's. At cost 12, a hash or a check
/// takes about a quarter of a second of CPU. `debrief serve` runs its tasks on its event loops, so
/// on the caller's thread every connection of that loop would wait, `/healthz` too, for each
/// sign-in, password change or accepted invite.
enum PasswordHashing {
    static func hash(_ password: String, cost: UInt8) async -> String {
        await offCallerThread { Bcrypt.hash(password, cost: cost) }
    }

    static func verify(_ password: String, hash: String) async -> Bool {
        await offCallerThread { Bcrypt.verify(password, hash: hash) }
    }

    private static func offCallerThread<T: Sendable>(_ work: @escaping @Sendable () -> T) async -> T {
        await withCheckedContinuation { continuation in
            DispatchQueue.global(qos: .userInitiated).async { continuation.resume(returning: work()) }
        }
    }
}
