#include "pdf/deflate.h"

#include <hpdf_objects.h>
#include <zlib.h>

#include <cstdlib>

namespace deckpdf::pdf {

namespace {

struct Deflater {
  z_stream z{};
  bool ok = false;
  Deflater(int window_bits, int mem_level) {
    ok = deflateInit2(&z, Z_DEFAULT_COMPRESSION, Z_DEFLATED, window_bits, mem_level,
                      Z_DEFAULT_STRATEGY) == Z_OK;
  }
  ~Deflater() {
    if (ok) deflateEnd(&z);
  }
};

}  // namespace

std::string deflate_bytes(std::string_view data) {
  // deflateReset clears the match tables, whose size memLevel sets: for the
  // many small layer streams a 4 KB window and small tables compress as
  // well and reset in a fraction of the time; fonts get zlib's defaults.
  thread_local Deflater small(/*window_bits*/ 12, /*mem_level*/ 5);
  thread_local Deflater large(/*window_bits*/ 15, /*mem_level*/ 8);
  Deflater& d = data.size() <= 4096 ? small : large;
  std::string out;
  if (!d.ok) std::abort();  // zlib could not allocate its state
  deflateReset(&d.z);
  out.resize(deflateBound(&d.z, static_cast<uLong>(data.size())));
  d.z.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(data.data()));
  d.z.avail_in = static_cast<uInt>(data.size());
  d.z.next_out = reinterpret_cast<Bytef*>(out.data());
  d.z.avail_out = static_cast<uInt>(out.size());
  int rc = deflate(&d.z, Z_FINISH);
  if (rc != Z_STREAM_END) std::abort();  // deflateBound guarantees room
  out.resize(out.size() - d.z.avail_out);
  return out;
}

namespace {

// libharu drops a /Filter entry from a stream it does not filter itself,
// so the entry is written by the dict's own write hook, which libharu
// calls after the other entries.
HPDF_STATUS write_flate_filter(HPDF_Dict, HPDF_Stream out) {
  return HPDF_Stream_WriteStr(out, "/Filter /FlateDecode\012");
}

}  // namespace

void stream_write_deflated(HPDF_Dict dict, std::string_view data) {
  std::string packed = deflate_bytes(data);
  dict->filter = HPDF_STREAM_FILTER_NONE;
  dict->write_fn = write_flate_filter;
  HPDF_Stream_Write(dict->stream, reinterpret_cast<const HPDF_BYTE*>(packed.data()),
                    static_cast<HPDF_UINT>(packed.size()));
}

}  // namespace deckpdf::pdf
