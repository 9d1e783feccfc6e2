import Hummingbird
import MailFormat
import PanelMail

/// A small, accessible HTML page: large text and buttons, no scripts, no outside resources.
struct Page {
    var status: HTTPResponse.Status
    var title: String
    /// Trusted HTML built by the controllers, with every outside value escaped.
    var body: String

    static func escape(_ text: String) -> String { SimpleMarkdown.escape(text) }

    func response(includeBody: Bool = true) -> Response {
        let html = """
            <!doctype html>
            <html lang="nl">
            <head>
            <meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <title>\(Self.escape(title)) – De Tweede Mening</title>
            <style>
            body{font-family:system-ui,-apple-system,"Segoe UI",Roboto,Arial,sans-serif;font-size:20px;line-height:1.5;color:#1a1a1a;background:#f6f5f0;margin:0;padding:16px}
            main{max-width:34em;margin:0 auto;background:#fff;padding:24px;border-radius:8px}
            h1{font-size:1.4em;line-height:1.25;margin-top:0}
            button{font-size:1.1em;padding:16px 24px;min-height:56px;width:100%;border:0;border-radius:8px;background:#0b5394;color:#fff;cursor:pointer}
            button:focus{outline:4px solid #f1c232;outline-offset:2px}
            .choice{font-size:1.15em;font-weight:bold;background:#eef3f9;padding:12px;border-radius:6px}
            .muted{color:#555;font-size:.9em}
            a{color:#0b5394}
            </style>
            </head>
            <body>
            <main>
            <h1>\(Self.escape(title))</h1>
            \(body)
            </main>
            </body>
            </html>
            """
        var headers = HTTPFields()
        headers[.contentType] = "text/html; charset=utf-8"
        headers[.contentLength] = String(html.utf8.count)
        return Response(
            status: status, headers: headers,
            body: includeBody ? ResponseBody(byteBuffer: ByteBuffer(string: html)) : ResponseBody())
    }
}
