// Encoding generated pictures with libav.
#include "placeholder_media.h"

#include <fmt/format.h>

#include <cmath>
#include <fstream>

#include "media/av_ptr.h"
#include "media/padded_frame.h"

namespace etalase::pack {

namespace fs = std::filesystem;

namespace {

constexpr int kFramesPerSecond = 25;

// An output file being muxed: the I/O closed before the context is freed.
struct OutputCloser {
  void operator()(AVFormatContext* context) const {
    if (!(context->oformat->flags & AVFMT_NOFILE)) avio_closep(&context->pb);
    avformat_free_context(context);
  }
};
using OutputPtr = std::unique_ptr<AVFormatContext, OutputCloser>;

Error failure(const fs::path& file, const std::string& what, int rc) {
  return Error{file.string(), rc < 0 ? fmt::format("{}: {}", what, av::errorText(rc)) : what};
}

Result<av::CodecContextPtr> openEncoder(const fs::path& file, AVCodecID id, int width, int height,
                                        AVPixelFormat format, bool globalHeader) {
  const AVCodec* codec = avcodec_find_encoder(id);
  if (!codec) return Error{file.string(), fmt::format("libavcodec has no {} encoder", avcodec_get_name(id))};
  av::CodecContextPtr encoder(avcodec_alloc_context3(codec));
  if (!encoder) return Error{file.string(), "out of memory"};
  encoder->width = width;
  encoder->height = height;
  encoder->pix_fmt = format;
  encoder->time_base = {1, kFramesPerSecond};
  encoder->framerate = {kFramesPerSecond, 1};
  encoder->gop_size = kFramesPerSecond;
  encoder->bit_rate = 2'000'000;
  if (format == AV_PIX_FMT_YUVJ420P) encoder->color_range = AVCOL_RANGE_JPEG;
  if (globalHeader) encoder->flags |= AV_CODEC_FLAG_GLOBAL_HEADER;
  if (int rc = avcodec_open2(encoder.get(), codec, nullptr); rc < 0) {
    return failure(file, fmt::format("cannot open the {} encoder", codec->name), rc);
  }
  return encoder;
}

// Paints frame `index` in the encoder's format.
Result<av::FramePtr> paintFrame(const fs::path& file, const AVCodecContext* encoder, const Painter& paint, int index) {
  av::FramePtr rgb = av::makePaddedFrame(AV_PIX_FMT_RGB24, encoder->width, encoder->height);
  if (!rgb) return Error{file.string(), "out of memory"};
  const double t = static_cast<double>(index) / kFramesPerSecond;
  for (int y = 0; y < rgb->height; ++y) {
    std::uint8_t* row = rgb->data[0] + static_cast<std::ptrdiff_t>(y) * rgb->linesize[0];
    for (int x = 0; x < rgb->width; ++x) {
      const Rgb colour = paint(x, y, t);
      row[3 * x] = colour.r;
      row[3 * x + 1] = colour.g;
      row[3 * x + 2] = colour.b;
    }
  }
  if (encoder->pix_fmt == AV_PIX_FMT_RGB24) {
    rgb->pts = index;
    return rgb;
  }
  av::FramePtr converted = av::makePaddedFrame(encoder->pix_fmt, encoder->width, encoder->height);
  if (!converted) return Error{file.string(), "out of memory"};
  converted->color_range = encoder->color_range;
  av::SwsPtr scaler(sws_getContext(rgb->width, rgb->height, AV_PIX_FMT_RGB24, converted->width, converted->height,
                                   encoder->pix_fmt, SWS_BICUBIC, nullptr, nullptr, nullptr));
  if (!scaler) return Error{file.string(), "cannot convert the picture's pixel format"};
  sws_scale(scaler.get(), rgb->data, rgb->linesize, 0, rgb->height, converted->data, converted->linesize);
  converted->pts = index;
  return converted;
}

// PNG and JPEG encoders give a whole file per frame.
Result<bool> writePicture(const fs::path& file, AVCodecID id, AVPixelFormat format, int width, int height,
                          const Painter& paint) {
  auto encoder = openEncoder(file, id, width, height, format, false);
  if (!encoder) return encoder.error();
  auto frame = paintFrame(file, encoder.value().get(), paint, 0);
  if (!frame) return frame.error();
  if (int rc = avcodec_send_frame(encoder.value().get(), frame.value().get()); rc < 0) {
    return failure(file, "cannot encode the picture", rc);
  }
  avcodec_send_frame(encoder.value().get(), nullptr);
  av::PacketPtr packet = av::makePacket();
  if (int rc = avcodec_receive_packet(encoder.value().get(), packet.get()); rc < 0) {
    return failure(file, "cannot encode the picture", rc);
  }
  std::ofstream out(file, std::ios::binary | std::ios::trunc);
  out.write(reinterpret_cast<const char*>(packet->data), packet->size);
  if (!out.flush()) return Error{file.string(), "cannot write the file"};
  return true;
}

// Hands every packet the encoder has ready to the muxer.
int drainEncoder(AVCodecContext* encoder, AVFormatContext* output, AVStream* stream) {
  av::PacketPtr packet = av::makePacket();
  for (;;) {
    const int rc = avcodec_receive_packet(encoder, packet.get());
    if (rc == AVERROR(EAGAIN) || rc == AVERROR_EOF) return 0;
    if (rc < 0) return rc;
    av_packet_rescale_ts(packet.get(), encoder->time_base, stream->time_base);
    packet->stream_index = stream->index;
    if (const int written = av_interleaved_write_frame(output, packet.get()); written < 0) return written;
  }
}

}  // namespace

Result<bool> writePng(const fs::path& file, int width, int height, const Painter& paint) {
  return writePicture(file, AV_CODEC_ID_PNG, AV_PIX_FMT_RGB24, width, height, paint);
}

Result<bool> writeJpeg(const fs::path& file, int width, int height, const Painter& paint) {
  return writePicture(file, AV_CODEC_ID_MJPEG, AV_PIX_FMT_YUVJ420P, width, height, paint);
}

Result<bool> writeVideo(const fs::path& file, int width, int height, double seconds, const Painter& paint) {
  AVFormatContext* raw = nullptr;
  if (int rc = avformat_alloc_output_context2(&raw, nullptr, "mp4", file.c_str()); rc < 0 || !raw) {
    return failure(file, "cannot start an MP4 file", rc);
  }
  OutputPtr output(raw);
  auto encoder = openEncoder(file, AV_CODEC_ID_MPEG4, width, height, AV_PIX_FMT_YUV420P,
                             (output->oformat->flags & AVFMT_GLOBALHEADER) != 0);
  if (!encoder) return encoder.error();
  AVStream* stream = avformat_new_stream(output.get(), nullptr);
  if (!stream) return Error{file.string(), "out of memory"};
  stream->time_base = encoder.value()->time_base;
  if (int rc = avcodec_parameters_from_context(stream->codecpar, encoder.value().get()); rc < 0) {
    return failure(file, "cannot describe the video stream", rc);
  }
  if (int rc = avio_open(&output->pb, file.c_str(), AVIO_FLAG_WRITE); rc < 0) {
    return failure(file, "cannot create the file", rc);
  }
  if (int rc = avformat_write_header(output.get(), nullptr); rc < 0) return failure(file, "cannot write the header", rc);
  const int frames = std::max(1, static_cast<int>(std::lround(seconds * kFramesPerSecond)));
  for (int i = 0; i < frames; ++i) {
    auto frame = paintFrame(file, encoder.value().get(), paint, i);
    if (!frame) return frame.error();
    if (int rc = avcodec_send_frame(encoder.value().get(), frame.value().get()); rc < 0) {
      return failure(file, "cannot encode the video", rc);
    }
    if (int rc = drainEncoder(encoder.value().get(), output.get(), stream); rc < 0) {
      return failure(file, "cannot write the video", rc);
    }
  }
  avcodec_send_frame(encoder.value().get(), nullptr);
  if (int rc = drainEncoder(encoder.value().get(), output.get(), stream); rc < 0) {
    return failure(file, "cannot write the video", rc);
  }
  if (int rc = av_write_trailer(output.get()); rc < 0) return failure(file, "cannot finish the file", rc);
  return true;
}

}  // namespace etalase::pack
