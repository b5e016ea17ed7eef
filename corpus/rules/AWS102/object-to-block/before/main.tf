resource "aws_cloudfront_distribution" "cdn" {
  enabled = true
  comment = "site"

  # access logs
  logging_config = {
    include_cookies = false
    bucket          = "logs.s3.amazonaws.com" # the log bucket
    prefix          = "cdn/"
  }

  origin {
    domain_name = "site.s3.amazonaws.com"
    origin_id   = "s3"
  }

  default_cache_behavior {
    allowed_methods        = ["GET", "HEAD"]
    cached_methods         = ["GET", "HEAD"]
    target_origin_id       = "s3"
    viewer_protocol_policy = "redirect-to-https"
  }

  restrictions {
    geo_restriction {
      restriction_type = "none"
    }
  }

  viewer_certificate {
    cloudfront_default_certificate = true
  }
}
