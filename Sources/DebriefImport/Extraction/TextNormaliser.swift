import DebriefCore
import Foundation

/// Text as Debrief stores it: entities already decoded by libxml2, white space (no-break spaces
/// included) collapsed to single spaces, zero-width characters dropped, trimmed, in Unicode NFC.
///
/// The rules live in `TextBytes` (DebriefCore), which the store's own checks share.
enum TextNormaliser {
    static func normalise(_ text: String) -> String {
        var text = text
        return text.withUTF8 { normalise(bytes: $0) }
    }

    /// Normalises UTF-8 bytes straight into a String's own storage.
    static func normalise(bytes: UnsafeBufferPointer<UInt8>) -> String {
        TextBytes.normalised(bytes)
    }

    /// True when the text holds anything but white space.
    static func hasVisibleText(_ text: String) -> Bool {
        var text = text
        return text.withUTF8 { hasVisibleText(bytes: $0) }
    }

    /// True when a text node holds anything but white space, read straight from the page tree.
    static func hasVisibleText(_ node: HTMLNode) -> Bool {
        // Known without reading the text, which may have been released since (see ReleasedText).
        if node.isText, let released = node.storage.pointee.released, released.isKnownBlank(node.index) { return false }
        guard let start = node.textPointer else { return false }
        return hasVisibleText(bytes: UnsafeBufferPointer(start: start, count: node.textByteCount))
    }

    static func hasVisibleText(bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        for byte in bytes {
            if byte >= 0x80 { return !normalise(bytes: bytes).isEmpty }  // a no-break or zero-width space is not text
            if !(byte == 0x20 || (byte >= 0x09 && byte <= 0x0D)) { return true }
        }
        return false
    }
}
