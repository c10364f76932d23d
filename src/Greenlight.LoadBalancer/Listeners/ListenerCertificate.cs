using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Greenlight.LoadBalancer.Configuration;

namespace Greenlight.LoadBalancer.Listeners;

/// <summary>
/// The certificate of an HTTPS listener: a PEM certificate with its key (<c>CertificateKeyFile</c>, or the key in the same
/// file when the certificate file ends in .pem/.crt/.cer and no key file is given), else a PFX (PKCS #12) without a password.
/// </summary>
internal static class ListenerCertificate
{
    /// <summary>The certificate, or null with <paramref name="error"/> (which names the file, never its content).</summary>
    public static X509Certificate2? TryLoad(ListenerConfig listener, out string? error)
    {
        error = null;
        if (string.IsNullOrEmpty(listener.CertificateFile))
        {
            error = "an HTTPS listener needs a certificate file";
            return null;
        }

        try
        {
            if (listener.CertificateKeyFile is { Length: > 0 } keyFile)
            {
                return X509Certificate2.CreateFromPemFile(listener.CertificateFile, keyFile);
            }

            var extension = Path.GetExtension(listener.CertificateFile).ToUpperInvariant();
            return extension is ".PEM" or ".CRT" or ".CER"
                ? X509Certificate2.CreateFromPemFile(listener.CertificateFile)
                : X509CertificateLoader.LoadPkcs12FromFile(listener.CertificateFile, password: null);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or CryptographicException or ArgumentException)
        {
            error = $"certificate {listener.CertificateFile} could not be loaded: {e.GetType().Name}: {e.Message}";
            return null;
        }
    }
}
