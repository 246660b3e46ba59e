// pdf/serialize — libharu's objects walked once and written as PDF 1.7 with
// object streams and a cross-reference stream (see serialize.h).
#include "pdf/serialize.h"

#include <hpdf_doc.h>
#include <hpdf_encrypt.h>
#include <hpdf_objects.h>
#include <hpdf_streams.h>
#include <hpdf_utils.h>

#include <algorithm>
#include <array>
#include <charconv>
#include <cstdint>
#include <cstring>
#include <string_view>
#include <vector>

#include "pdf/deflate.h"

namespace deckpdf::pdf {

namespace {

// PDF 32000 7.2.2: white-space and delimiters end a token; any other
// character is regular, and two regular tokens need a space between them.
constexpr std::array<bool, 256> regular_chars = [] {
  std::array<bool, 256> r{};
  r.fill(true);
  for (unsigned char c : std::string_view("\0 \t\r\n\f()<>[]{}/%", 17)) r[c] = false;
  return r;
}();
bool regular(unsigned char c) {
  return regular_chars[c];
}

// Appends `token`, with a space first when it would otherwise run into the
// token before it.
void token(std::string& out, std::string_view s) {
  if (!out.empty() && !s.empty() && regular(static_cast<unsigned char>(out.back())) &&
      regular(static_cast<unsigned char>(s.front())))
    out += ' ';
  out += s;
}

void number(std::string& out, int64_t n) {
  char buf[24];
  auto [end, ec] = std::to_chars(buf, buf + sizeof buf, n);
  token(out, std::string_view(buf, static_cast<size_t>(end - buf)));
}

constexpr char hex_digits[] = "0123456789ABCDEF";

// A name (7.3.5): '#' and two hex digits for '#', delimiters and bytes
// outside 33..126.
void name(std::string& out, const char* s) {
  auto plain = [](unsigned char c) { return c >= 33 && c <= 126 && c != '#' && regular(c); };
  out += '/';
  const char* run = s;  // a run of characters written as they are, at once
  for (; *s; ++s) {
    auto c = static_cast<unsigned char>(*s);
    if (plain(c)) continue;
    out.append(run, s);
    out += '#';
    out += hex_digits[c >> 4];
    out += hex_digits[c & 15];
    run = s + 1;
  }
  out.append(run, s);
}

// A literal string (7.3.4.2): backslash before the parentheses and the
// backslash, `\r` for a carriage return (which a reader would take as an
// end of line and read as a line feed); every other byte as it is.
void literal(std::string& out, const unsigned char* s, size_t n) {
  out += '(';
  for (size_t i = 0; i < n; ++i) {
    char c = static_cast<char>(s[i]);
    if (c == '(' || c == ')' || c == '\\') out += '\\';
    if (c == '\r') {
      out += "\\r";
      continue;
    }
    out += c;
  }
  out += ')';
}

void hex(std::string& out, const unsigned char* s, size_t n) {
  out += '<';
  for (size_t i = 0; i < n; ++i) {
    out += hex_digits[s[i] >> 4];
    out += hex_digits[s[i] & 15];
  }
  out += '>';
}

// Big-endian in `width` bytes, as the cross-reference stream's fields are.
void field(std::string& out, uint64_t v, int width) {
  for (int i = width - 1; i >= 0; --i) out += static_cast<char>((v >> (8 * i)) & 0xFF);
}

int bytes_for(uint64_t v) {
  int n = 1;
  while (v >>= 8) ++n;
  return n;
}

// The stream filters libharu applies itself, as it names them.
constexpr std::array<std::pair<HPDF_UINT, const char*>, 3> libharu_filters = {{
    {HPDF_STREAM_FILTER_FLATE_DECODE, "FlateDecode"},
    {HPDF_STREAM_FILTER_DCT_DECODE, "DCTDecode"},
    {HPDF_STREAM_FILTER_CCITT_DECODE, "CCITTFaxDecode"},
}};

class Serializer {
 public:
  explicit Serializer(HPDF_Doc doc) : doc_(doc) {}

  bool run(std::string& out, std::string& error) {
    if (!doc_->catalog || !doc_->xref || doc_->xref->prev) {
      error = "the document has no catalog to write";
      return false;
    }
    number_.assign(doc_->xref->entries->count, 0);
    reach(doc_->catalog);
    if (doc_->info) reach(doc_->info);
    // Breadth first: order_ is the queue, and grows as it is scanned.
    for (size_t i = 0; i < order_.size() && error_.empty(); ++i) scan(order_[i]);
    if (error_.empty()) write(out);
    error = error_;
    return error_.empty();
  }

 private:
  static HPDF_Obj_Header* header(void* obj) { return static_cast<HPDF_Obj_Header*>(obj); }
  static bool hidden(void* obj) { return header(obj)->obj_id & HPDF_OTYPE_HIDDEN; }
  static bool is_stream(void* obj) {
    return (header(obj)->obj_class & HPDF_OCLASS_ANY) == HPDF_OCLASS_DICT &&
           static_cast<HPDF_Dict>(obj)->stream;
  }
  // A stream dictionary's entries that the serializer writes itself.
  static bool own_entry(HPDF_Dict d, const char* key) {
    return d->stream && (!std::strcmp(key, "Length") ||
                         (d->filter != HPDF_STREAM_FILTER_NONE && !std::strcmp(key, "Filter")));
  }

  // An indirect object, numbered when first reached.
  uint32_t reach(void* obj) {
    HPDF_UINT32 id = header(obj)->obj_id;
    size_t index = id & 0x00FFFFFF;
    if (!(id & HPDF_OTYPE_INDIRECT) || index >= number_.size()) {
      fail("a reference to an object outside the document");
      return 0;
    }
    if (!number_[index]) {
      order_.push_back(obj);
      number_[index] = static_cast<uint32_t>(order_.size());
    }
    return number_[index];
  }

  // Reaches what `obj` refers to. A dictionary's before-write hook runs
  // first, as libharu runs it before writing (the page tree's /Count).
  void scan(void* obj) {
    switch (header(obj)->obj_class & HPDF_OCLASS_ANY) {
      case HPDF_OCLASS_PROXY: reach(static_cast<HPDF_Proxy>(obj)->obj); break;
      case HPDF_OCLASS_ARRAY: {
        HPDF_List list = static_cast<HPDF_Array>(obj)->list;
        for (HPDF_UINT i = 0; i < list->count; ++i)
          if (!hidden(HPDF_List_ItemAt(list, i))) scan(HPDF_List_ItemAt(list, i));
        break;
      }
      case HPDF_OCLASS_DICT: {
        auto d = static_cast<HPDF_Dict>(obj);
        if (d->write_fn || d->after_write_fn || d->filterParams)
          return fail("a libharu object with its own writer");
        if (d->before_write_fn && d->before_write_fn(d) != HPDF_OK)
          return fail("libharu could not prepare an object");
        for (HPDF_UINT i = 0; i < d->list->count; ++i) {
          auto e = static_cast<HPDF_DictElement>(HPDF_List_ItemAt(d->list, i));
          if (!hidden(e->value) && !own_entry(d, e->key)) scan(e->value);
        }
        break;
      }
      case HPDF_OCLASS_STRING:
        if (static_cast<HPDF_String>(obj)->encoder) fail("a string with a libharu encoder");
        break;
      default: break;
    }
  }

  void fail(const char* what) {
    if (error_.empty()) error_ = std::string("the PDF could not be written: ") + what;
  }

  void value(std::string& out, void* obj) {
    switch (header(obj)->obj_class & HPDF_OCLASS_ANY) {
      case HPDF_OCLASS_PROXY:
        number(out, reach(static_cast<HPDF_Proxy>(obj)->obj));
        out += " 0 R";
        break;
      case HPDF_OCLASS_NULL: token(out, "null"); break;
      case HPDF_OCLASS_BOOLEAN:
        token(out, static_cast<HPDF_Boolean>(obj)->value ? "true" : "false");
        break;
      case HPDF_OCLASS_NUMBER: number(out, static_cast<HPDF_Number>(obj)->value); break;
      case HPDF_OCLASS_REAL: {
        // libharu's own shortest form (up to 5 decimals, no exponent), so
        // the numbers of every object stay what libharu wrote.
        char buf[HPDF_REAL_LEN + 1];
        char* end = HPDF_FToA(buf, static_cast<HPDF_Real>(obj)->value, buf + HPDF_REAL_LEN);
        token(out, std::string_view(buf, static_cast<size_t>(end - buf)));
        break;
      }
      case HPDF_OCLASS_NAME: name(out, static_cast<HPDF_Name>(obj)->value); break;
      case HPDF_OCLASS_STRING: {
        auto s = static_cast<HPDF_String>(obj);
        literal(out, s->value, s->len);
        break;
      }
      case HPDF_OCLASS_BINARY: {
        auto b = static_cast<HPDF_Binary>(obj);
        hex(out, b->value, b->len);
        break;
      }
      case HPDF_OCLASS_ARRAY: {
        HPDF_List list = static_cast<HPDF_Array>(obj)->list;
        out += '[';
        for (HPDF_UINT i = 0; i < list->count; ++i)
          if (!hidden(HPDF_List_ItemAt(list, i))) value(out, HPDF_List_ItemAt(list, i));
        out += ']';
        break;
      }
      case HPDF_OCLASS_DICT: dict(out, static_cast<HPDF_Dict>(obj), 0); break;
      default: fail("an object of an unknown class");
    }
  }

  // A dictionary; a stream's gets its filters and its direct /Length.
  void dict(std::string& out, HPDF_Dict d, size_t length) {
    out += "<<";
    for (HPDF_UINT i = 0; i < d->list->count; ++i) {
      auto e = static_cast<HPDF_DictElement>(HPDF_List_ItemAt(d->list, i));
      if (hidden(e->value) || own_entry(d, e->key)) continue;
      name(out, e->key);
      value(out, e->value);
    }
    if (d->stream) {
      std::vector<const char*> filters;
      for (const auto& [flag, filter] : libharu_filters)
        if (d->filter & flag) filters.push_back(filter);
      if (!filters.empty()) {
        name(out, "Filter");
        if (filters.size() > 1) out += '[';
        for (const char* f : filters) name(out, f);
        if (filters.size() > 1) out += ']';
      }
      name(out, "Length");
      number(out, static_cast<int64_t>(length));
    }
    out += ">>";
  }

  void object_head(std::string& out, uint32_t num, std::string_view dict) {
    number(out, num);
    out += " 0 obj\n";
    out += dict;
    out += "\nstream\n";
  }
  static constexpr std::string_view object_tail = "\nendstream\nendobj\n";

  // A stream object: its bytes as libharu holds them, compressed here when
  // libharu was asked to compress them and they are not compressed yet.
  void stream(std::string& out, uint32_t num, HPDF_Dict d, std::string& head) {
    HPDF_Stream st = d->stream;
    if (st->type != HPDF_STREAM_MEMORY) return fail("a stream that is not in memory");
    bool compress = (d->filter & HPDF_STREAM_FILTER_FLATE_DECODE) && !(d->filter & stream_deflated);
    auto each_block = [&](auto&& f) {
      size_t total = 0;
      for (HPDF_UINT i = 0; i < HPDF_MemStream_GetBufCount(st); ++i) {
        HPDF_UINT n = 0;
        HPDF_BYTE* p = HPDF_MemStream_GetBufPtr(st, i, &n);
        if (p) f(std::string_view(reinterpret_cast<const char*>(p), n));
        total += p ? n : 0;
      }
      if (total != st->size) fail("a stream libharu could not read back");
    };
    std::string packed;
    if (compress) {
      std::string bytes;
      each_block([&](std::string_view b) { bytes += b; });
      packed = deflate_bytes(bytes);
    }
    head.clear();
    dict(head, d, compress ? packed.size() : st->size);
    object_head(out, num, head);
    if (compress)
      out += packed;
    else
      each_block([&](std::string_view b) { out += b; });
    out += object_tail;
  }

  struct XrefEntry {
    uint8_t type = 0;
    uint64_t f2 = 0;  // offset (type 1) or the object stream's number (type 2)
    uint32_t f3 = 0;  // index in the object stream (type 2)
  };

  void write(std::string& out) {
    std::vector<uint32_t> packed, streams;  // our numbers
    for (uint32_t i = 0; i < order_.size(); ++i)
      (is_stream(order_[i]) ? streams : packed).push_back(i + 1);
    uint32_t n = static_cast<uint32_t>(order_.size());
    uint32_t m =
        static_cast<uint32_t>((packed.size() + objects_per_stream - 1) / objects_per_stream);
    uint32_t xref_num = n + m + 1, size = n + m + 2;
    std::vector<XrefEntry> xref(size);

    size_t stream_bytes = 0;
    for (uint32_t obj : streams)
      stream_bytes += static_cast<HPDF_Dict>(order_[obj - 1])->stream->size;
    out.clear();
    out.reserve(stream_bytes + 80 * order_.size() + 1024);  // enough, or nearly
    out += "%PDF-1.7\n%\xE2\xE3\xCF\xD3\n";
    std::string offsets, body, head;
    for (uint32_t k = 0; k < m && error_.empty(); ++k) {
      uint32_t num = n + 1 + k;
      offsets.clear();
      body.clear();
      size_t first = k * objects_per_stream;
      size_t last = std::min(packed.size(), first + objects_per_stream);
      for (size_t i = first; i < last; ++i) {
        uint32_t obj = packed[i];
        if (!body.empty()) body += '\n';
        number(offsets, obj);
        number(offsets, static_cast<int64_t>(body.size()));
        value(body, order_[obj - 1]);
        xref[obj] = {2, num, static_cast<uint32_t>(i - first)};
      }
      offsets += '\n';
      std::string data = deflate_bytes(offsets + body);
      head = "<</Type/ObjStm/N " + std::to_string(last - first) + "/First " +
             std::to_string(offsets.size()) + "/Filter/FlateDecode/Length " +
             std::to_string(data.size()) + ">>";
      xref[num] = {1, out.size(), 0};
      object_head(out, num, head);
      out += data;
      out += object_tail;
    }
    for (uint32_t obj : streams) {
      if (!error_.empty()) return;
      xref[obj] = {1, out.size(), 0};
      stream(out, obj, static_cast<HPDF_Dict>(order_[obj - 1]), head);
    }
    if (error_.empty()) xref_stream(out, xref, xref_num);
  }

  // The cross-reference stream, which is also the trailer.
  void xref_stream(std::string& out, std::vector<XrefEntry>& xref, uint32_t num) {
    uint64_t at = out.size();
    xref[num] = {1, at, 0};
    int w2 = bytes_for(std::max<uint64_t>(at, num)), w3 = bytes_for(objects_per_stream - 1);
    int columns = 1 + w2 + w3;
    // PNG "Up" prediction (7.4.4.4): each row as its difference from the
    // row above, so offsets that grow steadily become runs of small bytes.
    std::string rows, prev(static_cast<size_t>(columns), '\0'), row;
    rows.reserve(xref.size() * static_cast<size_t>(columns + 1));
    for (const XrefEntry& e : xref) {
      row.clear();
      field(row, e.type, 1);
      field(row, e.f2, w2);
      field(row, e.f3, w3);
      rows += '\2';
      for (size_t i = 0; i < row.size(); ++i) rows += static_cast<char>(row[i] - prev[i]);
      prev.swap(row);
    }
    std::string data = deflate_bytes(rows);

    // The ID: the MD5 of the file so far (14.4: a hash of the content).
    HPDF_MD5_CTX md5;
    HPDF_MD5Init(&md5);
    for (size_t i = 0; i < out.size(); i += size_t{1} << 30) {
      size_t len = std::min(out.size() - i, size_t{1} << 30);
      HPDF_MD5Update(&md5, reinterpret_cast<const HPDF_BYTE*>(out.data() + i),
                     static_cast<HPDF_UINT32>(len));
    }
    HPDF_BYTE digest[16];
    HPDF_MD5Final(digest, &md5);
    std::string id;
    hex(id, digest, sizeof digest);

    std::string head = "<</Type/XRef/Size " + std::to_string(xref.size()) + "/W[1 " +
                       std::to_string(w2) + " " + std::to_string(w3) + "]/Root " +
                       std::to_string(number_of(doc_->catalog)) + " 0 R";
    if (doc_->info) head += "/Info " + std::to_string(number_of(doc_->info)) + " 0 R";
    head += "/ID[" + id + id + "]/Filter/FlateDecode/DecodeParms<</Predictor 12/Columns " +
            std::to_string(columns) + ">>/Length " + std::to_string(data.size()) + ">>";
    object_head(out, num, head);
    out += data;
    out += object_tail;
    out += "startxref\n" + std::to_string(at) + "\n%%EOF\n";
  }

  uint32_t number_of(void* obj) const { return number_[header(obj)->obj_id & 0x00FFFFFF]; }

  HPDF_Doc doc_;
  std::vector<void*> order_;      // the objects written, in the order reached
  std::vector<uint32_t> number_;  // our number by libharu's object id; 0: not reached
  std::string error_;
};

}  // namespace

bool serialize(HPDF_Doc doc, std::string& bytes, std::string& error) {
  return Serializer(doc).run(bytes, error);
}

}  // namespace deckpdf::pdf
