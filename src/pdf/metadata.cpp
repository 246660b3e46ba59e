// pdf/metadata — Info, XMP, /Lang and the PDF/A output intent, from one
// DocInfo.
#include "pdf/metadata.h"

#include <hpdf_doc.h>
#include <hpdf_objects.h>

#include <cstdio>
#include <ctime>

#include "pdf/deflate.h"
#include "pdf/icc.h"
#include "pdf/navigation.h"

namespace deckpdf::pdf {

namespace {

std::tm utc(int64_t seconds) {
  std::time_t t = static_cast<std::time_t>(seconds);
  std::tm tm{};
  gmtime_r(&t, &tm);
  return tm;
}

// Text as XML character data: & < > escaped, and the control characters
// XML 1.0 does not allow left out (Info keeps them; no deck needs them).
std::string xml_text(const std::string& s) {
  std::string out;
  for (char c : s) {
    switch (c) {
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      default:
        if (static_cast<unsigned char>(c) >= 0x20 || c == '\t' || c == '\n' || c == '\r') {
          out.push_back(c);
        }
    }
  }
  return out;
}

// The PDF/A extension schema that declares pdfuaid (ISO 19005-2 6.6.2.3.2:
// PDF/A-2 predefines no PDF/UA schema).
constexpr const char* pdfua_extension =
    "  <rdf:Description rdf:about=\"\"\n"
    "    xmlns:pdfaExtension=\"http://www.aiim.org/pdfa/ns/extension/\"\n"
    "    xmlns:pdfaSchema=\"http://www.aiim.org/pdfa/ns/schema#\"\n"
    "    xmlns:pdfaProperty=\"http://www.aiim.org/pdfa/ns/property#\">\n"
    "   <pdfaExtension:schemas><rdf:Bag><rdf:li rdf:parseType=\"Resource\">\n"
    "    <pdfaSchema:schema>PDF/UA Universal Accessibility Schema</pdfaSchema:schema>\n"
    "    <pdfaSchema:namespaceURI>http://www.aiim.org/pdfua/ns/id/</pdfaSchema:namespaceURI>\n"
    "    <pdfaSchema:prefix>pdfuaid</pdfaSchema:prefix>\n"
    "    <pdfaSchema:property><rdf:Seq><rdf:li rdf:parseType=\"Resource\">\n"
    "     <pdfaProperty:name>part</pdfaProperty:name>\n"
    "     <pdfaProperty:valueType>Integer</pdfaProperty:valueType>\n"
    "     <pdfaProperty:category>internal</pdfaProperty:category>\n"
    "     <pdfaProperty:description>Part of ISO 14289 the file conforms "
    "to</pdfaProperty:description>\n"
    "    </rdf:li></rdf:Seq></pdfaSchema:property>\n"
    "   </rdf:li></rdf:Bag></pdfaExtension:schemas>\n"
    "  </rdf:Description>\n";

HPDF_Dict output_intent(HPDF_Doc doc) {
  HPDF_MMgr mmgr = doc->mmgr;
  HPDF_Dict profile = HPDF_DictStream_New(mmgr, doc->xref);
  if (!profile) return nullptr;
  HPDF_Dict_AddNumber(profile, "N", 3);
  stream_write_deflated(profile, srgb_icc_profile());
  HPDF_Dict intent = HPDF_Dict_New(mmgr);
  HPDF_Dict_AddName(intent, "Type", "OutputIntent");
  HPDF_Dict_AddName(intent, "S", "GTS_PDFA1");
  const char* name = "sRGB IEC61966-2.1";
  HPDF_Dict_Add(intent, "OutputConditionIdentifier", HPDF_String_New(mmgr, name, nullptr));
  HPDF_Dict_Add(intent, "Info", HPDF_String_New(mmgr, name, nullptr));
  HPDF_Dict_Add(intent, "DestOutputProfile", profile);
  return intent;
}

}  // namespace

std::string xmp_date(int64_t seconds) {
  std::tm tm = utc(seconds);
  char buf[80];  // room for any int, which the compiler cannot rule out
  std::snprintf(buf, sizeof buf, "%04d-%02d-%02dT%02d:%02d:%02dZ", tm.tm_year + 1900, tm.tm_mon + 1,
                tm.tm_mday, tm.tm_hour, tm.tm_min, tm.tm_sec);
  return buf;
}

std::string pdf_date(int64_t seconds) {
  std::tm tm = utc(seconds);
  char buf[80];  // room for any int, which the compiler cannot rule out
  std::snprintf(buf, sizeof buf, "D:%04d%02d%02d%02d%02d%02dZ", tm.tm_year + 1900, tm.tm_mon + 1,
                tm.tm_mday, tm.tm_hour, tm.tm_min, tm.tm_sec);
  return buf;
}

std::string xmp_packet(const DocInfo& info, const RenderOptions& options) {
  std::string x =
      "<?xpacket begin=\"\xEF\xBB\xBF\" id=\"W5M0MpCehiHzreSzNTczkc9d\"?>\n"
      "<x:xmpmeta xmlns:x=\"adobe:ns:meta/\">\n"
      " <rdf:RDF xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\">\n"
      "  <rdf:Description rdf:about=\"\"\n"
      "    xmlns:dc=\"http://purl.org/dc/elements/1.1/\"\n"
      "    xmlns:xmp=\"http://ns.adobe.com/xap/1.0/\"\n"
      "    xmlns:pdf=\"http://ns.adobe.com/pdf/1.3/\"";
  if (options.pdfa) x += "\n    xmlns:pdfaid=\"http://www.aiim.org/pdfa/ns/id/\"";
  if (options.tagged) x += "\n    xmlns:pdfuaid=\"http://www.aiim.org/pdfua/ns/id/\"";
  x += ">\n   <dc:format>application/pdf</dc:format>\n";
  auto alt = [&](const char* key, const std::string& value) {
    if (value.empty()) return;
    x += std::string("   <") + key + "><rdf:Alt><rdf:li xml:lang=\"x-default\">" + xml_text(value) +
         "</rdf:li></rdf:Alt></" + key + ">\n";
  };
  auto simple = [&](const char* key, const std::string& value) {
    if (value.empty()) return;
    x += std::string("   <") + key + ">" + xml_text(value) + "</" + key + ">\n";
  };
  alt("dc:title", info.title);
  // Info's /Author is one text, so dc:creator is a sequence of one.
  if (!info.author.empty()) {
    x += "   <dc:creator><rdf:Seq><rdf:li>" + xml_text(info.author) +
         "</rdf:li></rdf:Seq></dc:creator>\n";
  }
  alt("dc:description", info.subject);
  if (!info.lang.empty()) {
    x += "   <dc:language><rdf:Bag><rdf:li>" + xml_text(info.lang) +
         "</rdf:li></rdf:Bag></dc:language>\n";
  }
  simple("pdf:Keywords", info.keywords);
  simple("pdf:Producer", producer);
  simple("xmp:CreatorTool", info.creator);
  if (info.date) {
    std::string d = xmp_date(*info.date);
    simple("xmp:CreateDate", d);
    simple("xmp:ModifyDate", d);
    simple("xmp:MetadataDate", d);
  }
  if (options.pdfa) {
    x += "   <pdfaid:part>2</pdfaid:part>\n   <pdfaid:conformance>B</pdfaid:conformance>\n";
  }
  if (options.tagged) x += "   <pdfuaid:part>1</pdfuaid:part>\n";
  x += "  </rdf:Description>\n";
  if (options.pdfa && options.tagged) x += pdfua_extension;
  x += " </rdf:RDF>\n</x:xmpmeta>\n<?xpacket end=\"w\"?>";
  return x;
}

void metadata_write(HPDF_Doc doc, const DocInfo& info, const RenderOptions& options) {
  HPDF_SetInfoAttr(doc, HPDF_INFO_PRODUCER, producer);
  HPDF_Dict dict = doc->info;
  if (!dict) return;
  auto text_entry = [&](const char* key, const std::string& value) {
    if (!value.empty()) HPDF_Dict_Add(dict, key, text_string(doc, value));
  };
  text_entry("Title", info.title);
  text_entry("Author", info.author);
  text_entry("Subject", info.subject);
  text_entry("Keywords", info.keywords);
  text_entry("Creator", info.creator);
  if (info.date) {
    // Written here rather than by libharu, whose "Z00'00'" after the time
    // readers take for a date without a zone (PDFBox's PDF/A check does),
    // unlike the XMP's.
    std::string d = pdf_date(*info.date);
    HPDF_Dict_Add(dict, "CreationDate", HPDF_String_New(doc->mmgr, d.c_str(), nullptr));
    HPDF_Dict_Add(dict, "ModDate", HPDF_String_New(doc->mmgr, d.c_str(), nullptr));
  }

  HPDF_Dict catalog = doc->catalog;
  // Uncompressed, so that tools that do not read PDF still find it.
  HPDF_Dict xmp = HPDF_DictStream_New(doc->mmgr, doc->xref);
  if (!xmp) return;
  HPDF_Dict_AddName(xmp, "Type", "Metadata");
  HPDF_Dict_AddName(xmp, "Subtype", "XML");
  std::string packet = xmp_packet(info, options);
  HPDF_Stream_Write(xmp->stream, reinterpret_cast<const HPDF_BYTE*>(packet.data()),
                    static_cast<HPDF_UINT>(packet.size()));
  HPDF_Dict_Add(catalog, "Metadata", xmp);
  if (!info.lang.empty()) {
    HPDF_Dict_Add(catalog, "Lang", HPDF_String_New(doc->mmgr, info.lang.c_str(), nullptr));
  }
  if (options.pdfa) {
    if (HPDF_Dict intent = output_intent(doc)) {
      HPDF_Array intents = HPDF_Array_New(doc->mmgr);
      HPDF_Array_Add(intents, intent);
      HPDF_Dict_Add(catalog, "OutputIntents", intents);
    }
  }
}

}  // namespace deckpdf::pdf
