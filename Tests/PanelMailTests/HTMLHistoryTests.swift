import PanelCore
import Testing

@testable import MailFormat
@testable import PanelMail

/// HTML quote and signature containers of the common clients (issue 14, item 1).
@Suite struct HTMLHistoryTests {
    static let reply = "Ik steun het besluit niet."

    @Test(arguments: [
        // Gmail: signature, then the quote with its attribution
        """
        <div dir="ltr">Ik steun het besluit niet.<br clear="all"><div><br></div><span class="gmail_signature_prefix">-- </span><br><div dir="ltr" class="gmail_signature" data-smartmail="gmail_signature"><div>Anna Bakker<br>06-12345678</div></div></div><br><div class="gmail_quote"><div dir="ltr" class="gmail_attr">Op di 3 mrt 2026 om 17:21 schreef De Tweede Mening &lt;reply+k1@x.example&gt;:<br></div><blockquote class="gmail_quote">Beste panellid,</blockquote></div>
        """,
        // Outlook desktop (Word): the reply header in a border-top block
        """
        <div class="WordSection1"><p class="MsoNormal">Ik steun het besluit niet.<o:p></o:p></p><div><div style="border:none;border-top:solid #E1E1E1 1.0pt;padding:3.0pt 0cm 0cm 0cm"><p class="MsoNormal"><b>Od:</b> De Tweede Mening<br><b>Wysłano:</b> wtorek<br><b>Do:</b> Anna<br><b>Temat:</b> Traplift</p></div></div><p class="MsoNormal">Beste panellid,</p></div>
        """,
        // Outlook web
        """
        <div>Ik steun het besluit niet.</div><div id="appendonsend"></div><hr style="display:inline-block;width:98%"><div id="divRplyFwdMsg" dir="ltr"><b>Von:</b> De Tweede Mening<br><b>Gesendet:</b> Dienstag<br><b>An:</b> Anna</div><div>Beste panellid,</div>
        """,
        // Yahoo
        """
        <div>Ik steun het besluit niet.</div><div class="yahoo_quoted"><div>Op dinsdag 3 maart 2026 17:21:00 CET schreef De Tweede Mening:</div><div>Beste panellid,</div></div>
        """,
    ])
    func quotedHistoryAndSignaturesAreCut(html: String) {
        #expect(ReplyTrimmer.trim(HTMLText.text(from: html)) == Self.reply, "\(HTMLText.text(from: html))")
    }
}
