import Hummingbird

extension FormFields {
    /// The fields of a posted form, once its proof against cross-site posts is checked (a 403 otherwise).
    static func posted(_ request: Request, _ context: DebriefRequestContext) async throws -> FormFields {
        var request = request
        let fields = FormFields(String(buffer: try await request.collectBody(upTo: context.maxUploadSize)))
        try FormProof.check(fields["csrf"], request: request, context: context)
        return fields
    }
}
