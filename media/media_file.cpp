// Opening files and decoders with libav.
#include "media_file.h"

extern "C" {
#include <libavutil/display.h>
}

#include <algorithm>
#include <cmath>
#include <thread>
#include <fmt/format.h>

namespace etalase::media {

namespace {

int rotationFromDisplayMatrix(const AVStream* stream) {
  const uint8_t* matrix = av_stream_get_side_data(stream, AV_PKT_DATA_DISPLAYMATRIX, nullptr);
  if (!matrix) return 0;
  // av_display_rotation_get is counter-clockwise; players rotate by its negation, clockwise.
  const double counterClockwise = av_display_rotation_get(reinterpret_cast<const int32_t*>(matrix));
  if (std::isnan(counterClockwise)) return 0;
  int clockwise = static_cast<int>(std::lround(-counterClockwise));
  clockwise = ((clockwise % 360) + 360) % 360;
  return ((clockwise + 45) / 90 % 4) * 90;  // snap to a quarter turn
}

double secondsOf(int64_t value, AVRational base) { return value * av_q2d(base); }

}  // namespace

// The coded width in square pixels (SAR applied; 0/1 means square).
static double squareWidth(const VideoGeometry& g) {
  const double sar = g.sampleAspect.num > 0 && g.sampleAspect.den > 0 ? av_q2d(g.sampleAspect) : 1.0;
  return g.codedWidth * sar;
}

double VideoGeometry::displayWidth() const {
  return rotationDegrees % 180 == 0 ? squareWidth(*this) : codedHeight;
}

double VideoGeometry::displayHeight() const {
  return rotationDegrees % 180 == 0 ? codedHeight : squareWidth(*this);
}

Result<MediaFile> MediaFile::open(const std::string& path, std::chrono::milliseconds timeout,
                                  const std::string& inputFormat) {
  const AVInputFormat* input = nullptr;
  if (!inputFormat.empty()) {
    input = av_find_input_format(inputFormat.c_str());
    if (!input) return Error{path, "this libav has no '" + inputFormat + "' input"};
  }
  auto watchdogOwner = std::make_unique<IoWatchdog>();
  IoWatchdog& watchdog = *watchdogOwner;
  AVFormatContext* raw = avformat_alloc_context();
  if (!raw) return Error{path, "out of memory"};
  raw->interrupt_callback.callback = &IoWatchdog::callback;
  raw->interrupt_callback.opaque = &watchdog;
  watchdog.arm(timeout);
  // avformat_open_input frees the context on failure.
  if (int rc = avformat_open_input(&raw, path.c_str(), input, nullptr); rc < 0) {
    return Error{path, watchdog.expired() ? "timed out opening the file" : av::errorText(rc)};
  }
  MediaFile file;
  file.m_path = path;
  file.m_watchdog = std::move(watchdogOwner);
  file.m_format.reset(raw);
  watchdog.arm(timeout);
  if (int rc = avformat_find_stream_info(raw, nullptr); rc < 0) {
    return Error{path, "cannot read stream information: " + av::errorText(rc)};
  }

  StreamInfo& info = file.m_info;
  info.videoStream = av_find_best_stream(raw, AVMEDIA_TYPE_VIDEO, -1, -1, nullptr, 0);
  info.audioStream = av_find_best_stream(raw, AVMEDIA_TYPE_AUDIO, -1, info.videoStream, nullptr, 0);
  if (info.videoStream < 0) return Error{path, "no video stream"};
  if (info.audioStream < 0) info.audioStream = -1;

  const AVStream* video = raw->streams[info.videoStream];
  info.geometry.codedWidth = video->codecpar->width;
  info.geometry.codedHeight = video->codecpar->height;
  info.geometry.sampleAspect = av_guess_sample_aspect_ratio(raw, const_cast<AVStream*>(video), nullptr);
  info.geometry.rotationDegrees = rotationFromDisplayMatrix(video);
  if (info.geometry.codedWidth <= 0 || info.geometry.codedHeight <= 0) {
    return Error{path, "video stream has no picture size"};
  }
  info.videoTimeBase = video->time_base;
  const AVRational rate = av_guess_frame_rate(raw, const_cast<AVStream*>(video), nullptr);
  if (rate.num > 0 && rate.den > 0) {
    const double fps = av_q2d(rate);
    if (fps >= 1.0 && fps <= 240.0) info.frameRate = fps;
  }
  if (info.audioStream >= 0) info.audioTimeBase = raw->streams[info.audioStream]->time_base;
  if (raw->duration > 0) info.durationSeconds = secondsOf(raw->duration, AV_TIME_BASE_Q);
  return file;
}

Result<av::CodecContextPtr> openDecoder(const MediaFile& file, int index, int threads) {
  const AVStream* stream = file.format()->streams[index];
  const AVCodec* codec = avcodec_find_decoder(stream->codecpar->codec_id);
  if (!codec) {
    return Error{file.path(), fmt::format("no decoder for codec {}", avcodec_get_name(stream->codecpar->codec_id))};
  }
  av::CodecContextPtr context(avcodec_alloc_context3(codec));
  if (!context) return Error{file.path(), "out of memory"};
  if (int rc = avcodec_parameters_to_context(context.get(), stream->codecpar); rc < 0) {
    return Error{file.path(), "bad codec parameters: " + av::errorText(rc)};
  }
  context->pkt_timebase = stream->time_base;
  // libavcodec's own "auto" runs cores + 1 frame threads; each extra thread keeps another
  // picture (3 MB at 1080p) in flight for no gain once decoding keeps up, so one per core.
  context->thread_count = threads > 0 ? threads : static_cast<int>(std::max(1u, std::thread::hardware_concurrency()));
  context->thread_type = FF_THREAD_FRAME | FF_THREAD_SLICE;
  if (int rc = avcodec_open2(context.get(), codec, nullptr); rc < 0) {
    return Error{file.path(), fmt::format("cannot open {} decoder: {}", codec->name, av::errorText(rc))};
  }
  return context;
}

}  // namespace etalase::media
