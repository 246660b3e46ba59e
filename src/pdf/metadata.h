// pdf/metadata — what the document says about itself (internal to pdf/):
// the Info dictionary, the XMP metadata stream that repeats it (always
// written: about a kilobyte, read by archives and search engines), the
// catalog's /Lang, and under --pdfa the PDF/A-2b identification and the
// sRGB output intent (pdf/icc.h). Info and XMP are made from the same
// values here, so that they agree as PDF/A requires (ISO 19005-2 6.6.2.3).
#pragma once

#include <hpdf.h>

#include <cstdint>
#include <string>

#include "pdf/writer.h"

namespace deckpdf::pdf {

// Info's /Producer and XMP's pdf:Producer.
inline constexpr const char* producer = "deckpdf (libharu)";

// An XMP date (ISO 8601, UTC): 2026-03-14T15:30:00Z.
std::string xmp_date(int64_t seconds);
// The same moment as a PDF date (PDF 32000 7.9.4): D:20260314153000Z.
std::string pdf_date(int64_t seconds);

// The XMP packet (with its xpacket wrapper, UTF-8): dc:title, dc:creator,
// dc:description, dc:language, pdf:Keywords, pdf:Producer,
// xmp:CreatorTool and the three dates as the Info dictionary has them;
// pdfaid part 2 conformance B under `options.pdfa`; pdfuaid part 1 when
// `options.tagged` (with its PDF/A extension schema under both).
std::string xmp_packet(const DocInfo& info, const RenderOptions& options);

// Writes /Info, the catalog's /Metadata stream and /Lang, and under
// --pdfa its /OutputIntents.
void metadata_write(HPDF_Doc doc, const DocInfo& info, const RenderOptions& options);

}  // namespace deckpdf::pdf
