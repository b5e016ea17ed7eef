# Positive: the provider checks a description's length in terraform validate, count = 0 or not.
resource "aws_security_group" "reports" {
  count       = 0
  name        = "reports"
  description = "Security group for the reporting workers that read from the analytics replica and write the nightly exports to the shared bucket, the ad-hoc query service and the dashboards the finance, sales, marketing and operations teams use every single working day of the year"
}

# Negative: EC2 refuses the characters when the group is created; validate does not check them.
resource "aws_security_group" "web" {
  count       = 0
  name        = "web"
  description = "Tráfico web -> ALB"
}
