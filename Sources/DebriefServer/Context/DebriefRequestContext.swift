import DebriefCore
import Hummingbird

/// Each request's context: Hummingbird's core storage plus who is asking, once `Authenticator` has looked.
public struct DebriefRequestContext: RequestContext {
    public var coreContext: CoreRequestContextStorage
    /// The signed-in person, or nil for an anonymous request.
    public var principal: Principal?
    /// The browser session's secret, when the person signed in through the session cookie.
    public var sessionToken: AccessToken?
    /// The proof the pages of a signed-in browser put in their forms (see `FormProof`); empty otherwise.
    public var formProof: String { sessionToken?.formProof ?? "" }
    /// The client's address, for refusing repeated failed sign-ins from one place.
    public let clientAddress: String

    public init(source: Source) {
        coreContext = .init(source: source)
        principal = nil
        sessionToken = nil
        clientAddress = source.channel.remoteAddress?.ipAddress ?? "unknown"
    }

    /// Form posts are small; nothing Debrief accepts over HTTP needs more.
    public var maxUploadSize: Int { 64 * 1024 }
}
