/* wm-hashing-stream.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "wm-hashing-stream.h"
#include "wm-sha256.h"

struct _WmHashingStream
{
  GFilterInputStream  parent_instance;
  WmSha256           *checksum;
  guint64             bytes_read;
};

G_DEFINE_FINAL_TYPE (WmHashingStream, wm_hashing_stream, G_TYPE_FILTER_INPUT_STREAM)

static gssize
wm_hashing_stream_read (GInputStream  *stream,
                        void          *buffer,
                        gsize          count,
                        GCancellable  *cancellable,
                        GError       **error)
{
  WmHashingStream *self = WM_HASHING_STREAM (stream);
  GInputStream *base = g_filter_input_stream_get_base_stream (G_FILTER_INPUT_STREAM (stream));
  gssize n = g_input_stream_read (base, buffer, count, cancellable, error);

  if (n > 0)
    {
      wm_sha256_update (self->checksum, buffer, n);
      self->bytes_read += n;
    }

  return n;
}

static void
wm_hashing_stream_finalize (GObject *object)
{
  WmHashingStream *self = WM_HASHING_STREAM (object);

  g_clear_pointer (&self->checksum, wm_sha256_free);

  G_OBJECT_CLASS (wm_hashing_stream_parent_class)->finalize (object);
}

static void
wm_hashing_stream_class_init (WmHashingStreamClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GInputStreamClass *stream_class = G_INPUT_STREAM_CLASS (klass);

  object_class->finalize = wm_hashing_stream_finalize;
  stream_class->read_fn = wm_hashing_stream_read;
}

static void
wm_hashing_stream_init (WmHashingStream *self)
{
  self->checksum = wm_sha256_new ();
}

GInputStream *
wm_hashing_stream_new (GInputStream *base)
{
  return g_object_new (WM_TYPE_HASHING_STREAM, "base-stream", base, NULL);
}

guint64
wm_hashing_stream_get_bytes_read (WmHashingStream *self)
{
  return self->bytes_read;
}

char *
wm_hashing_stream_get_sha256 (WmHashingStream *self)
{
  return wm_sha256_get_string (self->checksum);
}
