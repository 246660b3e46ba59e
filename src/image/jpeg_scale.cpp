// image/jpeg_scale — a JPEG made smaller for --image-dpi: libjpeg decodes
// it at a DCT scale of n/8 (cheap: the inverse transform is smaller) and
// encodes the result again, CMYK as CMYK. Errors longjmp here, as in
// jpeg.cpp; any of them leaves the picture as it was.
// clang-format off
#include <csetjmp>
#include <cstddef>
#include <cstdio>
#include <cstdlib>
#include <memory>
#include <vector>
#include <jpeglib.h>
// clang-format on

#include "image/resample.h"

namespace deckpdf::image {

namespace {

struct Errors {
  jpeg_error_mgr mgr;
  std::jmp_buf jump;
};

void on_error(j_common_ptr cinfo) {
  std::longjmp(reinterpret_cast<Errors*>(cinfo->err)->jump, 1);
}

void on_message(j_common_ptr, int) {}

}  // namespace

std::shared_ptr<Picture> jpeg_rescale(const Picture& p, unsigned num) {
  jpeg_decompress_struct in{};
  jpeg_compress_struct out{};
  Errors errors;
  in.err = out.err = jpeg_std_error(&errors.mgr);
  errors.mgr.error_exit = on_error;
  errors.mgr.emit_message = on_message;
  // What libjpeg writes to is on the heap, so that it is still known after
  // a longjmp from inside libjpeg.
  struct Dest {
    unsigned char* bytes = nullptr;
    unsigned long size = 0;
  };
  auto dest = std::make_unique<Dest>();
  std::vector<JSAMPLE> pixels;
  if (setjmp(errors.jump)) {
    jpeg_destroy_decompress(&in);
    jpeg_destroy_compress(&out);
    std::free(dest->bytes);
    return nullptr;
  }
  jpeg_create_decompress(&in);
  jpeg_create_compress(&out);
  jpeg_mem_src(&in, reinterpret_cast<const unsigned char*>(p.jpeg.data()),
               static_cast<unsigned long>(p.jpeg.size()));
  jpeg_read_header(&in, TRUE);
  in.scale_num = num;
  in.scale_denom = 8;
  if (in.num_components == 4) in.out_color_space = JCS_CMYK;
  jpeg_start_decompress(&in);
  size_t stride = size_t{in.output_width} * static_cast<size_t>(in.output_components);
  pixels.resize(stride * in.output_height);
  while (in.output_scanline < in.output_height) {
    JSAMPROW row = pixels.data() + stride * in.output_scanline;
    jpeg_read_scanlines(&in, &row, 1);
  }
  jpeg_finish_decompress(&in);
  jpeg_mem_dest(&out, &dest->bytes, &dest->size);
  out.image_width = in.output_width;
  out.image_height = in.output_height;
  out.input_components = in.output_components;
  out.in_color_space = in.out_color_space;
  jpeg_set_defaults(&out);
  jpeg_set_quality(&out, 85, TRUE);
  jpeg_start_compress(&out, TRUE);
  while (out.next_scanline < out.image_height) {
    JSAMPROW row = pixels.data() + stride * out.next_scanline;
    jpeg_write_scanlines(&out, &row, 1);
  }
  jpeg_finish_compress(&out);
  auto result = std::make_shared<Picture>();
  result->format = Format::Jpeg;
  result->width = in.output_width;
  result->height = in.output_height;
  result->channels = in.output_components;
  result->inverted = p.inverted;
  result->orientation = p.orientation;
  result->jpeg.assign(reinterpret_cast<const char*>(dest->bytes), dest->size);
  result->hash = p.hash ^ num;
  jpeg_destroy_decompress(&in);
  jpeg_destroy_compress(&out);
  std::free(dest->bytes);
  return result;
}

}  // namespace deckpdf::image
