// image/png — PNG through libpng's classic API. Its transforms make every
// kind 8-bit grey or RGB with an optional alpha: palettes (with tRNS as
// alpha), 1/2/4-bit grey, 16-bit samples, interlacing, and gAMA converted
// to sRGB; an eXIf chunk's orientation. libpng reports errors by longjmp from its error callback,
// so nothing aborts; chunk sizes and the image size are bounded first.
#include <png.h>

#include <csetjmp>
#include <cstring>
#include <vector>

#include "image/decoders.h"
#include "image/exif.h"

namespace deckpdf::image {

namespace {

struct Reader {
  std::string_view bytes;
  size_t at = 0;
  std::string message;  // libpng's last error
};

void read_bytes(png_structp png, png_bytep out, size_t n) {
  auto* r = static_cast<Reader*>(png_get_io_ptr(png));
  if (n > r->bytes.size() - r->at) png_error(png, "the file ends early (truncated)");
  std::memcpy(out, r->bytes.data() + r->at, n);
  r->at += n;
}

void on_error(png_structp png, png_const_charp message) {
  auto* r = static_cast<Reader*>(png_get_error_ptr(png));
  r->message = message;
  png_longjmp(png, 1);
}

void on_warning(png_structp, png_const_charp) {}

}  // namespace

bool decode_png(std::string_view bytes, const Limits& limits, Picture& pic, std::string& problem) {
  Reader reader{bytes, 0, {}};
  png_structp png = png_create_read_struct(PNG_LIBPNG_VER_STRING, &reader, on_error, on_warning);
  if (!png) return false;
  png_infop info = png_create_info_struct(png);
  if (!info) {
    png_destroy_read_struct(&png, nullptr, nullptr);
    return false;
  }
  // Declared before setjmp and only touched through pointers after it, so
  // longjmp leaves them valid; freed on every path below.
  std::vector<png_bytep> rows;
  std::string samples;
  if (setjmp(png_jmpbuf(png))) {
    png_destroy_read_struct(&png, &info, nullptr);
    problem = "is a broken PNG file (" + reader.message + ")";
    return false;
  }
  png_set_read_fn(png, &reader, read_bytes);
  png_set_user_limits(png, limits.max_side, limits.max_side);
  // Ancillary chunks (text, ICC profiles, EXIF) are held in memory whole:
  // a 200 MB chunk is refused rather than read.
  png_set_chunk_malloc_max(png, 8u << 20);
  png_set_chunk_cache_max(png, 1000);
  png_read_info(png, info);
  // eXIf before the image data: its orientation, as a JPEG's is taken.
  png_uint_32 exif_size = 0;
  png_bytep exif = nullptr;
  if (png_get_eXIf_1(png, info, &exif_size, &exif) != 0 && exif) {
    pic.orientation =
        tiff_orientation(std::string_view(reinterpret_cast<const char*>(exif), exif_size));
  }
  png_uint_32 width = 0, height = 0;
  int depth = 0, type = 0, interlace = 0;
  png_get_IHDR(png, info, &width, &height, &depth, &type, &interlace, nullptr, nullptr);
  if (!size_allowed(width, height, limits, problem)) {
    png_destroy_read_struct(&png, &info, nullptr);
    return false;
  }
  png_set_expand(png);  // palette -> RGB, tRNS -> alpha, 1/2/4-bit grey -> 8
  png_set_scale_16(png);
  // A file without gAMA is taken as sRGB; one with it is converted to sRGB.
  png_set_gamma(png, PNG_DEFAULT_sRGB, PNG_DEFAULT_sRGB);
  png_set_interlace_handling(png);
  png_read_update_info(png, info);
  int channels = png_get_channels(png, info);
  size_t stride = png_get_rowbytes(png, info);
  if (channels < 1 || channels > 4 || stride != size_t{width} * static_cast<size_t>(channels)) {
    png_error(png, "unexpected sample layout");
  }
  samples.resize(stride * height);
  rows.resize(height);
  for (png_uint_32 y = 0; y < height; ++y) {
    rows[y] = reinterpret_cast<png_bytep>(samples.data()) + stride * y;
  }
  // Chunks after the image data are not read: a file cut after its last
  // IDAT still shows, as it does in a browser.
  png_read_image(png, rows.data());
  png_destroy_read_struct(&png, &info, nullptr);
  pic.width = width;
  pic.height = height;
  if (channels == 2 || channels == 4) {
    split_alpha(samples, channels, pic);
  } else {
    pic.channels = channels;
    pic.pixels = std::move(samples);
  }
  return true;
}

}  // namespace deckpdf::image
