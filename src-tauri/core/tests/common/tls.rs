//! A company's TLS in front of the embedded server: a test CA made here (rcgen), a certificate for 127.0.0.1
//! signed by it, and a TLS endpoint on loopback that forwards the decrypted bytes to the server unchanged
//! (so signatures made for its address stay valid), as an inspecting proxy or an internal S3 does.
#![allow(dead_code)]

use rcgen::{BasicConstraints, CertificateParams, DnType, IsCa, KeyPair};
use std::path::{Path, PathBuf};
use std::sync::Arc;
use tokio_rustls::rustls;

/// A CA and a certificate for 127.0.0.1 it signed.
pub struct TestCa {
    /// The CA's certificate (PEM), to hand to the client the way Linux extends its store (`SSL_CERT_FILE`).
    pub ca_file: PathBuf,
    leaf: rustls::pki_types::CertificateDer<'static>,
    leaf_key: Vec<u8>,
}

/// Makes the CA and the server certificate; writes the CA into `dir`.
pub fn test_ca(dir: &Path) -> TestCa {
    let ca_key = KeyPair::generate().unwrap();
    let mut ca_params = CertificateParams::new(Vec::<String>::new()).unwrap();
    ca_params.is_ca = IsCa::Ca(BasicConstraints::Unconstrained);
    ca_params
        .distinguished_name
        .push(DnType::CommonName, "Example Corp Inspection CA (test)");
    let ca = ca_params.self_signed(&ca_key).unwrap();
    let leaf_key = KeyPair::generate().unwrap();
    let leaf = CertificateParams::new(vec!["127.0.0.1".to_owned(), "localhost".to_owned()])
        .unwrap()
        .signed_by(&leaf_key, &ca, &ca_key)
        .unwrap();
    let ca_file = dir.join("company-ca.pem");
    std::fs::write(&ca_file, ca.pem()).unwrap();
    TestCa {
        ca_file,
        leaf: leaf.der().clone(),
        leaf_key: leaf_key.serialize_der(),
    }
}

/// Starts a TLS endpoint with `ca`'s certificate, forwarding to `upstream` (`http://host:port`); returns
/// `https://127.0.0.1:PORT`.
pub async fn front(ca: &TestCa, upstream: &str) -> String {
    let provider = Arc::new(rustls::crypto::ring::default_provider());
    let config = rustls::ServerConfig::builder_with_provider(provider)
        .with_safe_default_protocol_versions()
        .unwrap()
        .with_no_client_auth()
        .with_single_cert(
            vec![ca.leaf.clone()],
            rustls::pki_types::PrivateKeyDer::Pkcs8(ca.leaf_key.clone().into()),
        )
        .unwrap();
    let acceptor = tokio_rustls::TlsAcceptor::from(Arc::new(config));
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let endpoint = format!("https://127.0.0.1:{}", listener.local_addr().unwrap().port());
    let upstream = upstream.trim_start_matches("http://").to_owned();
    tokio::spawn(async move {
        while let Ok((sock, _)) = listener.accept().await {
            let (acceptor, upstream) = (acceptor.clone(), upstream.clone());
            tokio::spawn(async move {
                // A client that does not trust the CA hangs up during the handshake: nothing to forward.
                let Ok(mut tls) = acceptor.accept(sock).await else { return };
                let Ok(mut plain) = tokio::net::TcpStream::connect(&upstream).await else {
                    return;
                };
                let _ = tokio::io::copy_bidirectional(&mut tls, &mut plain).await;
            });
        }
    });
    endpoint
}
