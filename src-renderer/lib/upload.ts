// Browser mode only: send a picked file to the local server, which keeps it for this run.
export async function uploadFile(file: File): Promise<{ uploadId: string; name: string }> {
  const response = await fetch(`/api/upload?name=${encodeURIComponent(file.name)}`, {
    method: 'POST',
    body: file,
    credentials: 'same-origin',
  });
  if (!response.ok) throw new Error(`Upload of ${file.name} failed: ${await response.text()}`);
  return (await response.json()) as { uploadId: string; name: string };
}
