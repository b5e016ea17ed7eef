variable "aws_region" {
  description = "AWS region to deploy into"
  type        = string
  default     = "us-east-1"
}

variable "environment_suffix" {
  description = "Suffix appended to resource names so that several deployments can share an account"
  type        = string
}

variable "vpc_cidr" {
  description = "CIDR block of the VPC"
  type        = string
  default     = "10.0.0.0/16"
}

variable "availability_zones" {
  description = "Availability zones for the public and private subnets"
  type        = list(string)
  default     = ["us-east-1a", "us-east-1b"]
}

variable "service_config" {
  description = "The microservices: container port, ALB path, task size and task count"
  type = map(object({
    port          = number
    path          = string
    priority      = number
    cpu           = number
    memory        = number
    desired_count = number
  }))
  default = {
    "api-gateway" = {
      port          = 8080
      path          = "/api/*"
      priority      = 100
      cpu           = 512
      memory        = 1024
      desired_count = 2
    }
    "user-service" = {
      port          = 8081
      path          = "/users/*"
      priority      = 110
      cpu           = 256
      memory        = 512
      desired_count = 2
    }
    "order-service" = {
      port          = 8082
      path          = "/orders/*"
      priority      = 120
      cpu           = 256
      memory        = 512
      desired_count = 2
    }
    "notification-service" = {
      port          = 8083
      path          = "/notifications/*"
      priority      = 130
      cpu           = 256
      memory        = 512
      desired_count = 2
    }
    "webhook-processor" = {
      port          = 8084
      path          = "/webhooks/*"
      priority      = 140
      cpu           = 256
      memory        = 512
      desired_count = 2
    }
  }
}

variable "container_image_tag" {
  description = "Image tag deployed from each service's ECR repository"
  type        = string
  default     = "latest"
}

variable "envoy_image" {
  description = "Envoy proxy image for the App Mesh sidecar"
  type        = string
  default     = "840364872350.dkr.ecr.us-east-1.amazonaws.com/aws-appmesh-envoy:v1.27.2.0-prod"
}

variable "health_check_path" {
  description = "Path the load balancer and App Mesh probe on every service"
  type        = string
  default     = "/health"
}

variable "log_retention_days" {
  description = "Days to keep container logs"
  type        = number
  default     = 7
}

variable "ecr_images_to_keep" {
  description = "Images each ECR lifecycle policy keeps"
  type        = number
  default     = 10
}

variable "min_capacity" {
  description = "Fewest tasks per service"
  type        = number
  default     = 2
}

variable "max_capacity" {
  description = "Most tasks per service"
  type        = number
  default     = 10
}

variable "cpu_target_value" {
  description = "Average CPU utilization (percent) at which services scale up"
  type        = number
  default     = 70
}

variable "scale_down_cpu_threshold" {
  description = "Average CPU utilization (percent) below which services scale down"
  type        = number
  default     = 30
}
