import type { RefObject } from 'preact'
import { useEffect, useRef, useState } from 'preact/hooks'
import { UPLOAD_IMAGE_TYPES, UploadedImageSchema } from '../../../contracts/admin-api.js'
import type { ApiClient } from '../api-client.js'
import { useObjectUrl } from '../hooks/use-object-url.js'
import { useStrings } from '../i18n/index.js'
import { Field } from './form-field.js'
import type { FieldErrors } from './notice-draft.js'

const MAX_IMAGE_BYTES = 5 * 1024 * 1024
const IMAGE_TYPES: readonly string[] = UPLOAD_IMAGE_TYPES

interface ImageState {
  blob?: Blob
  name?: string
  uploading?: boolean
}

/** The notice's image as the form holds it: the file, its upload, and a URL for the preview. */
export interface ImageUpload {
  image: ImageState
  /** A blob: URL of the image, for the preview. */
  url: string | undefined
  fileInput: RefObject<HTMLInputElement | null>
  /** Checks and uploads the file chosen in the input. */
  choose(): Promise<void>
  remove(): void
}

export interface ImageUploadOptions {
  client: ApiClient
  /** The image of the notice being changed: loaded once, to be shown until another is chosen. */
  storedImageId: string | undefined
  /** Replaces the field errors: none when a file is chosen, the image's own when it is refused. */
  setErrors(errors: FieldErrors): void
  /** The file went up: the draft takes its id. */
  onUploaded(imageId: string): void
  /** The image was taken off the notice. */
  onRemoved(): void
}

/**
 * The image of the notice form: a chosen file is checked here (type, size) before it goes up,
 * and a refusal (here or by the API) is marked at the field in words.
 */
export function useImageUpload({
  client,
  storedImageId,
  setErrors,
  onUploaded,
  onRemoved,
}: ImageUploadOptions): ImageUpload {
  const s = useStrings()
  const [image, setImage] = useState<ImageState>({})
  const fileInput = useRef<HTMLInputElement>(null)
  const url = useObjectUrl(image.blob)

  useEffect(() => {
    if (!storedImageId) return
    let live = true
    void client.blob('GET', `/images/${storedImageId}`).then((result) => {
      if (live && result.ok) setImage({ blob: result.data })
    })
    return () => {
      live = false
    }
  }, [])

  const choose = async () => {
    const input = fileInput.current
    const file = input?.files?.[0]
    if (!input || !file) return
    setErrors({})
    if (!IMAGE_TYPES.includes(file.type) || file.size > MAX_IMAGE_BYTES) {
      input.value = ''
      setErrors({
        imageId: IMAGE_TYPES.includes(file.type) ? s.form.imageTooLarge : s.form.imageInvalid,
      })
      return
    }
    setImage({ name: file.name, uploading: true })
    const result = await client.upload('/images', file, UploadedImageSchema)
    if (!result.ok) {
      input.value = ''
      setImage({})
      const notAnImage = result.error.status === 415 || result.error.status === 422
      setErrors({ imageId: notAnImage ? s.form.imageInvalid : result.error.message })
      return
    }
    onUploaded(result.data.id)
    setImage({ blob: file, name: file.name })
  }

  const remove = () => {
    if (fileInput.current) fileInput.current.value = ''
    setImage({})
    onRemoved()
  }

  return { image, url, fileInput, choose, remove }
}

/** The file input of the notice form, with what has become of the chosen file. */
export function ImageField({
  upload,
  imageId,
  error,
}: {
  upload: ImageUpload
  /** The image the draft holds. */
  imageId: string | undefined
  error: string | undefined
}) {
  const s = useStrings()
  const { image } = upload
  return (
    <Field id="notice-image" label={s.form.image} hint={s.form.imageHint} error={error}>
      {(aria) => (
        <div class="image-field">
          <input
            {...aria}
            ref={upload.fileInput}
            type="file"
            accept={IMAGE_TYPES.join(',')}
            onChange={() => void upload.choose()}
          />
          <p class="image-field__state" role="status">
            {image.uploading
              ? s.form.imageUploading
              : imageId
                ? image.name
                  ? s.form.imageUploaded(image.name)
                  : s.form.imageCurrent
                : ''}
          </p>
          {imageId && !image.uploading && (
            <button type="button" class="button button--small" onClick={upload.remove}>
              {s.form.imageRemove}
            </button>
          )}
        </div>
      )}
    </Field>
  )
}
