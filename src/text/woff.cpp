// text/woff — WOFF 1.0 (W3C Recommendation, 2012) and WOFF2 decoding.
#include "text/woff.h"

#include <libdeflate.h>
#include <woff2/decode.h>
#include <woff2/output.h>

#include <algorithm>
#include <cstdint>
#include <vector>

namespace deckpdf::text {

namespace {

uint32_t be32(std::string_view b, size_t at) {
  return (static_cast<uint32_t>(static_cast<unsigned char>(b[at])) << 24) |
         (static_cast<uint32_t>(static_cast<unsigned char>(b[at + 1])) << 16) |
         (static_cast<uint32_t>(static_cast<unsigned char>(b[at + 2])) << 8) |
         static_cast<uint32_t>(static_cast<unsigned char>(b[at + 3]));
}

uint16_t be16(std::string_view b, size_t at) {
  return static_cast<uint16_t>((static_cast<unsigned char>(b[at]) << 8) |
                               static_cast<unsigned char>(b[at + 1]));
}

void put32(std::string& out, size_t at, uint32_t v) {
  for (int i = 0; i < 4; ++i) out[at + i] = static_cast<char>(v >> (24 - 8 * i));
}

void put16(std::string& out, size_t at, uint32_t v) {
  out[at] = static_cast<char>(v >> 8);
  out[at + 1] = static_cast<char>(v);
}

// WOFF 1.0: a 44-byte header, a 20-byte directory entry per table, each
// table zlib-compressed unless its compressed length equals its length.
bool decode_woff(std::string_view in, std::string& sfnt, std::string& error) {
  if (in.size() < 44) {
    error = "WOFF file shorter than its header";
    return false;
  }
  uint32_t flavor = be32(in, 4);
  uint16_t num_tables = be16(in, 12);
  if (num_tables == 0 || 44 + size_t{num_tables} * 20 > in.size()) {
    error = "WOFF table directory out of bounds";
    return false;
  }
  struct Table {
    uint32_t tag, offset, comp, orig, checksum;
  };
  std::vector<Table> tables(num_tables);
  size_t total = 12 + size_t{num_tables} * 16;
  for (size_t i = 0; i < num_tables; ++i) {
    size_t at = 44 + i * 20;
    Table& t = tables[i];
    t = {be32(in, at), be32(in, at + 4), be32(in, at + 8), be32(in, at + 12), be32(in, at + 16)};
    if (t.offset > in.size() || t.comp > in.size() - t.offset || t.comp > t.orig) {
      error = "WOFF table out of bounds";
      return false;
    }
    total += (size_t{t.orig} + 3) & ~size_t{3};
    if (total > kMaxSfntBytes) {
      error = "WOFF font larger than " + std::to_string(kMaxSfntBytes >> 20) + " MiB";
      return false;
    }
  }
  // The sfnt header's binary-search fields, as the OpenType spec defines them.
  uint32_t pow2 = 1, log2 = 0;
  while (pow2 * 2 <= num_tables) {
    pow2 *= 2;
    ++log2;
  }
  sfnt.assign(total, '\0');
  put32(sfnt, 0, flavor);
  put16(sfnt, 4, num_tables);
  put16(sfnt, 6, pow2 * 16);
  put16(sfnt, 8, log2);
  put16(sfnt, 10, num_tables * 16u - pow2 * 16);
  libdeflate_decompressor* z = libdeflate_alloc_decompressor();
  if (!z) {
    error = "out of memory";
    return false;
  }
  size_t offset = 12 + size_t{num_tables} * 16;
  bool ok = true;
  for (size_t i = 0; i < num_tables && ok; ++i) {
    const Table& t = tables[i];
    size_t dir = 12 + i * 16;
    put32(sfnt, dir, t.tag);
    put32(sfnt, dir + 4, t.checksum);
    put32(sfnt, dir + 8, static_cast<uint32_t>(offset));
    put32(sfnt, dir + 12, t.orig);
    if (t.comp == t.orig) {
      std::copy_n(in.data() + t.offset, t.orig, sfnt.data() + offset);
    } else {
      size_t got = 0;
      ok = libdeflate_zlib_decompress(z, in.data() + t.offset, t.comp, sfnt.data() + offset, t.orig,
                                      &got) == LIBDEFLATE_SUCCESS &&
           got == t.orig;
      if (!ok) error = "WOFF table does not inflate to its length";
    }
    offset += (size_t{t.orig} + 3) & ~size_t{3};
  }
  libdeflate_free_decompressor(z);
  return ok;
}

bool decode_woff2(std::string_view in, std::string& sfnt, std::string& error) {
  const auto* data = reinterpret_cast<const uint8_t*>(in.data());
  size_t final_size = woff2::ComputeWOFF2FinalSize(data, in.size());
  if (final_size > kMaxSfntBytes) {
    error = "WOFF2 font larger than " + std::to_string(kMaxSfntBytes >> 20) + " MiB";
    return false;
  }
  sfnt.clear();
  sfnt.reserve(final_size);
  woff2::WOFF2StringOut out(&sfnt);
  out.SetMaxSize(kMaxSfntBytes);  // the library checks every write against it
  if (!woff2::ConvertWOFF2ToTTF(data, in.size(), &out)) {
    error = "damaged WOFF2 font";
    return false;
  }
  sfnt.resize(out.Size());
  return true;
}

}  // namespace

WebFont web_font_kind(std::string_view bytes) {
  if (bytes.size() >= 4 && bytes.substr(0, 4) == "wOFF") return WebFont::Woff;
  if (bytes.size() >= 4 && bytes.substr(0, 4) == "wOF2") return WebFont::Woff2;
  return WebFont::None;
}

bool decode_web_font(std::string_view bytes, std::string& sfnt, std::string& error) {
  switch (web_font_kind(bytes)) {
    case WebFont::Woff: return decode_woff(bytes, sfnt, error);
    case WebFont::Woff2: return decode_woff2(bytes, sfnt, error);
    case WebFont::None: break;
  }
  error = "not a WOFF or WOFF2 font";
  return false;
}

}  // namespace deckpdf::text
