import Foundation
import Hummingbird
import MultipartKit
import NIOCore

/// The fields of a `multipart/form-data` post (a form with a file input), read whole up to a limit.
struct MultipartForm {
    let parts: [MultipartPart]

    /// A field's text (the last one of that name), nil when the form lacks it.
    func text(_ name: String) -> String? {
        parts.last { $0.name == name }.map { String(decoding: $0.body.readableBytesView, as: UTF8.self) }
    }

    /// The chosen file of a file input with its name (without folders); nil when none was chosen.
    func file(_ name: String) -> (data: Data, filename: String)? {
        guard let part = parts.last(where: { $0.name == name }), part.body.readableBytes > 0 else { return nil }
        return (Data(part.body.readableBytesView), Self.filename(part) ?? "upload")
    }

    private static func filename(_ part: MultipartPart) -> String? {
        guard let disposition = part.headers.first(name: "Content-Disposition"), let range = disposition.range(of: "filename=\"") else { return nil }
        let name = String(disposition[range.upperBound...].prefix { $0 != "\"" })
        let base = name.split(whereSeparator: { $0 == "/" || $0 == "\\" }).last.map(String.init) ?? ""
        return base.isEmpty ? nil : base
    }

    /// Reads the post and checks its form proof. A body over `limit` bytes is a `FormProblem` for the
    /// page to show; a body that is not multipart is a bad request.
    static func posted(_ request: Request, _ context: DebriefRequestContext, limit: Int) async throws -> MultipartForm {
        var request = request
        let body: ByteBuffer
        do {
            body = try await request.collectBody(upTo: limit)
        } catch is NIOTooManyBytesError {
            let shown = ByteCountFormatter.string(fromByteCount: Int64(limit), countStyle: .file)
            throw FormProblem(field: "file", message: "the upload is larger than Debrief takes from the browser (\(shown)); use the CLI for it")
        }
        let form = try parse(body, contentType: request.headers[.contentType] ?? "")
        try FormProof.check(form.text("csrf"), request: request, context: context)
        return form
    }

    /// The parts of a `multipart/form-data` body, or a bad request when it is not one.
    static func parse(_ body: ByteBuffer, contentType type: String) throws(Problem) -> MultipartForm {
        guard type.lowercased().hasPrefix("multipart/form-data"),
            let boundary = type.split(separator: ";").lazy.map({ $0.trimmingCharacters(in: .whitespaces) })
                .first(where: { $0.lowercased().hasPrefix("boundary=") })?.dropFirst("boundary=".count)
        else { throw Problem.badRequest("the body is not multipart/form-data with a boundary") }
        let parser = MultipartParser(boundary: String(boundary).trimmingCharacters(in: CharacterSet(charactersIn: "\"")))
        var parts: [MultipartPart] = []
        var headers = HTTPHeaders()
        var partBody = ByteBuffer()
        parser.onHeader = { name, value in headers.replaceOrAdd(name: name, value: value) }
        parser.onBody = { chunk in partBody.writeBuffer(&chunk) }
        parser.onPartComplete = {
            parts.append(MultipartPart(headers: headers, body: partBody))
            headers = HTTPHeaders()
            partBody = ByteBuffer()
        }
        do {
            try parser.execute(body)
        } catch {
            throw Problem.badRequest("the multipart body could not be read; check its boundary and parts")
        }
        return MultipartForm(parts: parts)
    }
}
