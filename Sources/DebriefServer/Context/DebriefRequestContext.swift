import DebriefCore
import Hummingbird

/// Each request's context: Hummingbird's core storage plus who is asking, once `Authenticator` has looked.
public struct DebriefRequestContext: RequestContext {
    public var coreContext: CoreRequestContextStorage
    /// The signed-in person, or nil for an anonymous request.
    public var principal: Principal?

    public init(source: Source) {
        coreContext = .init(source: source)
        principal = nil
    }

    /// Form posts are small; nothing Debrief accepts over HTTP needs more.
    public var maxUploadSize: Int { 64 * 1024 }
}
